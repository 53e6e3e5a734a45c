"""The store's schema, as an ordered list of migrations recorded in the database.

A database records every migration applied to it in `dateline_migrations`. Opening
applies the missing ones in order, each in its own transaction; a database whose
newest migration is beyond `SCHEMA_VERSION` was written by a newer dateline and is
refused rather than misread. Migrations are only ever appended, never edited.

Tables (one row per ...):
  articles       stored article: metadata columns plus the whole dateline/1 record as JSON
  mentions       event as one article reports it (an `Event` of the record)
  figures        figure of a mention (a `Figure`), with who claims it and the report time
  failures       input that could not be read, per ingest run (retried on the next run)
  events         linked event: the mentions of one incident across articles
  event_members  mention of a linked event, with the reasons it was merged
  event_figures  reconciled figure per linked event and category (low / best / high)
  runs           ingest run: when, what, how many
  dateline_state key/value facts about the store (e.g. whether linking is current)
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    note: str
    sql: str


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "articles, mentions, figures, linked events",
        """
        CREATE TABLE articles (
            id VARCHAR PRIMARY KEY,
            source VARCHAR NOT NULL,
            url VARCHAR,
            title VARCHAR,
            publisher VARCHAR,
            outlet VARCHAR NOT NULL,
            published VARCHAR,
            published_day DATE,
            published_via VARCHAR,
            language VARCHAR,
            run_id INTEGER NOT NULL,
            record JSON NOT NULL
        );
        CREATE TABLE mentions (
            id VARCHAR PRIMARY KEY,
            article_id VARCHAR NOT NULL,
            type VARCHAR NOT NULL,
            sub_type VARCHAR,
            summary VARCHAR,
            date_start VARCHAR,
            date_end VARCHAR,
            date_precision VARCHAR,
            date_basis VARCHAR,
            historical BOOLEAN,
            place VARCHAR,
            country VARCHAR,
            admin1 VARCHAR,
            lat DOUBLE,
            lon DOUBLE,
            geonames_id BIGINT,
            place_precision VARCHAR,
            actors JSON,
            claimed_by VARCHAR,
            evidence_start INTEGER,
            evidence_end INTEGER
        );
        CREATE TABLE figures (
            mention_id VARCHAR NOT NULL,
            article_id VARCHAR NOT NULL,
            position INTEGER NOT NULL,
            category VARCHAR NOT NULL,
            value BIGINT,
            low BIGINT,
            high BIGINT,
            qualifier VARCHAR,
            grp VARCHAR,
            part_of INTEGER,
            text VARCHAR,
            span_start INTEGER,
            span_end INTEGER,
            claim_kind VARCHAR,
            claimed_by VARCHAR
        );
        CREATE TABLE failures (
            run_id INTEGER NOT NULL,
            source VARCHAR NOT NULL,
            code VARCHAR NOT NULL,
            message VARCHAR NOT NULL
        );
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            started VARCHAR NOT NULL,
            finished VARCHAR,
            inputs VARCHAR,
            articles INTEGER DEFAULT 0,
            skipped INTEGER DEFAULT 0,
            failed INTEGER DEFAULT 0
        );
        CREATE TABLE events (
            id VARCHAR PRIMARY KEY,
            type VARCHAR,
            sub_type VARCHAR,
            date_start VARCHAR,
            date_end VARCHAR,
            date_precision VARCHAR,
            historical BOOLEAN,
            place VARCHAR,
            country VARCHAR,
            admin1 VARCHAR,
            lat DOUBLE,
            lon DOUBLE,
            actor1 VARCHAR,
            actor2 VARCHAR,
            mention_count INTEGER,
            source_count INTEGER,
            sources VARCHAR,
            single_source BOOLEAN,
            first_report VARCHAR,
            last_report VARCHAR,
            reasons VARCHAR,
            notes VARCHAR,
            detail JSON
        );
        CREATE TABLE event_members (
            event_id VARCHAR NOT NULL,
            mention_id VARCHAR NOT NULL,
            reasons VARCHAR
        );
        CREATE TABLE event_figures (
            event_id VARCHAR NOT NULL,
            category VARCHAR NOT NULL,
            low BIGINT,
            best BIGINT,
            high BIGINT,
            rule VARCHAR,
            disputed BOOLEAN,
            detail JSON
        );
        CREATE TABLE dateline_state (key VARCHAR PRIMARY KEY, value VARCHAR);
        """,
    ),
)

SCHEMA_VERSION = MIGRATIONS[-1].version
