"""Migration operations of our own, for the squashed migrations: several ``CreateModel`` at once,
and SQL for PostgreSQL only.

Applying a migration, Django keeps the models of the project's state rendered, and each
``CreateModel`` of a model with a foreign key renders again every model related to it, directly
or not (``ProjectState.reload_model``). Nearly every model points at the user, so each one
rendered the whole project again: 28,556 model renders to migrate an empty database, about a
minute of CPU (``docs/benchmarks.md``, "Test databases: migrations").

:class:`CreateModels` adds its models' states first, then renders what they touch once. The
database sees the same statements as from the ``CreateModel`` operations one after the other
(each table in turn; on PostgreSQL the foreign keys are added at the end of the migration, as
always), and the state the same models. For the same reason PostgreSQL's triggers are
:class:`RunSQLOnPostgreSQL`, not a ``RunPython``: Django renders every model again before each
``RunPython`` (to hand it the historical models), about 0.2 s each.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.operations.base import Operation
from django.db.migrations.operations.models import CreateModel
from django.db.migrations.operations.special import RunSQL
from django.db.migrations.state import ProjectState


class CreateModels(Operation):
    """``CreateModel`` operations of one app, applied as one: one render of the models they
    touch, where each would have rendered them all again."""

    reversible = True

    def __init__(self, operations: Sequence[CreateModel]) -> None:
        self.operations = list(operations)
        super().__init__()

    def deconstruct(self) -> tuple[str, list[Any], dict[str, Any]]:
        return self.__class__.__name__, [], {"operations": self.operations}

    def state_forwards(self, app_label: str, state: ProjectState) -> None:
        # A state whose models are rendered re-renders on each model added; one whose models
        # are not yet rendered only records the model's state (Django checks the same key).
        rendered = state.__dict__.pop("apps", None)
        try:
            for operation in self.operations:
                operation.state_forwards(app_label, state)
        finally:
            if rendered is not None:
                state.__dict__["apps"] = rendered
        if rendered is not None:
            state.reload_models(
                [(app_label, operation.name_lower) for operation in self.operations], delay=False
            )

    def database_forwards(
        self,
        app_label: str,
        schema_editor: BaseDatabaseSchemaEditor,
        from_state: ProjectState,
        to_state: ProjectState,
    ) -> None:
        for operation in self.operations:
            operation.database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(
        self,
        app_label: str,
        schema_editor: BaseDatabaseSchemaEditor,
        from_state: ProjectState,
        to_state: ProjectState,
    ) -> None:
        # CreateModel's reversal drops the table of the model in from_state (the state with it).
        for operation in reversed(self.operations):
            operation.database_backwards(app_label, schema_editor, from_state, to_state)

    def references_model(self, name: str, app_label: str) -> bool:
        return any(operation.references_model(name, app_label) for operation in self.operations)

    def describe(self) -> str:
        return f"Create {len(self.operations)} models: " + ", ".join(
            operation.name for operation in self.operations
        )

    @property
    def migration_name_fragment(self) -> str:
        return "_".join(operation.name_lower for operation in self.operations[:3])


class RunSQLOnPostgreSQL(RunSQL):
    """``RunSQL`` on PostgreSQL, nothing on SQLite: the triggers and indexes only PostgreSQL has.

    Each statement of ``sql`` (a list) is sent whole, so a function's body between ``$$`` is not
    split. Unlike ``RunPython`` with a test of the database's kind, it needs no historical models:
    Django does not render the project's models again to run it."""

    def database_forwards(
        self,
        app_label: str,
        schema_editor: BaseDatabaseSchemaEditor,
        from_state: ProjectState,
        to_state: ProjectState,
    ) -> None:
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(
        self,
        app_label: str,
        schema_editor: BaseDatabaseSchemaEditor,
        from_state: ProjectState,
        to_state: ProjectState,
    ) -> None:
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)

    def describe(self) -> str:
        return "Raw SQL operation (PostgreSQL only)"
