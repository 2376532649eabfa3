"""Reading agency-editable YAML files with errors that name the file and the field."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, Type, TypeVar

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from bot.exceptions import ContentError
from bot.languages import is_supported

ModelT = TypeVar("ModelT", bound=BaseModel)


def read_yaml_mapping(path: Path) -> Dict[str, Any]:
    """Parses `path` as a YAML mapping; duplicate keys are errors, not silent overwrites."""
    try:
        data = YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ContentError(str(path), "(file)", "the file does not exist") from None
    except UnicodeDecodeError:
        raise ContentError(str(path), "(file)", "the file is not UTF-8 text") from None
    except YAMLError as error:
        raise ContentError(str(path), "(file)", f"not valid YAML: {error}") from None
    if not isinstance(data, dict):
        raise ContentError(str(path), "(file)", "must be a mapping of keys to values")
    return data


def parse_model(path: Path, data: Dict[str, Any], model: Type[ModelT]) -> ModelT:
    """Validates `data` against `model`; the first problem becomes a `ContentError`."""
    try:
        return model.parse_obj(data)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(part) for part in first["loc"] if part != "__root__") or "(file)"
        raise ContentError(str(path), field, first["msg"]) from None


def check_file_language(path: Path, language: str) -> None:
    """A per-language file must name its own language, a contract one, as its file name does."""
    if language != path.stem:
        raise ContentError(str(path), "language", f"must be {path.stem!r}, the file's name")
    if not is_supported(language):
        raise ContentError(str(path), "language", f"{language!r} is not a contract language")
