"""Bases of our NLU components: untrained ones built from their config, trained ones
with a model stored in the model archive."""

from __future__ import annotations

from abc import abstractmethod
from pathlib import Path
from typing import Any, Callable, Dict, Generic, Optional, Text, TypeVar

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage

ModelT = TypeVar("ModelT")


class ConfiguredComponent(GraphComponent):
    """Stores its config; subclasses build what they need from it in `__init__`."""

    def __init__(self, config: Dict[Text, Any]) -> None:
        self._config = config

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "ConfiguredComponent":
        return cls(config)


class StoredModelComponent(GraphComponent, Generic[ModelT]):
    """Base of our trainable components: a model saved in, and loaded from, the model archive.

    Subclasses implement `_read_model(directory)` and call `_store_model(model, save)` at the
    end of `train`; creating, loading and holding the model is done here once.
    """

    def __init__(
        self,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        model: Optional[ModelT] = None,
    ) -> None:
        self._config = config
        self._storage = model_storage
        self._resource = resource
        self._model = model

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "StoredModelComponent":
        return cls(config, model_storage, resource)

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "StoredModelComponent":
        with model_storage.read_from(resource) as directory:
            model = cls._read_model(Path(directory))
        return cls(config, model_storage, resource, model)

    @classmethod
    @abstractmethod
    def _read_model(cls, directory: Path) -> ModelT:
        """The model saved in `directory` by `_store_model`."""

    def _store_model(self, model: ModelT, save: Callable[[ModelT, Path], None]) -> Resource:
        with self._storage.write_to(self._resource) as directory:
            save(model, Path(directory))
        self._model = model
        return self._resource
