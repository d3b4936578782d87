"""The squashed migrations' own operations (``sentier.core.migration_operations``): several models
created at once give the state the ``CreateModel`` operations one after the other give, with one
render; SQL meant for PostgreSQL runs there only."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from django.db import migrations, models
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.state import ModelState, ProjectState

from sentier.core.migration_operations import CreateModels, RunSQLOnPostgreSQL


def _operations() -> list[migrations.CreateModel]:
    return [
        migrations.CreateModel(
            name="Shelf",
            fields=[("id", models.BigAutoField(primary_key=True)), ("name", models.TextField())],
        ),
        migrations.CreateModel(
            name="Book",
            fields=[
                ("id", models.BigAutoField(primary_key=True)),
                ("shelf", models.ForeignKey("library.shelf", on_delete=models.CASCADE)),
                ("next", models.ForeignKey("self", null=True, on_delete=models.SET_NULL)),
            ],
            options={"indexes": [models.Index(fields=["shelf"], name="book_shelf_idx")]},
        ),
    ]


def _rendered_state() -> ProjectState:
    state = ProjectState()
    state.add_model(
        ModelState("library", "Reader", [("id", models.BigAutoField(primary_key=True))])
    )
    state.apps  # noqa: B018 (rendered, as during migrate)
    return state


def _counting_renders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    rendered: list[str] = []
    render = ModelState.render

    def counted(self: ModelState, apps: Any) -> Any:
        rendered.append(self.name)
        return render(self, apps)

    monkeypatch.setattr(ModelState, "render", counted)
    return rendered


def test_the_state_is_the_one_the_operations_give_one_by_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    one_by_one, at_once = _rendered_state(), _rendered_state()
    renders = _counting_renders(monkeypatch)
    for operation in _operations():
        operation.state_forwards("library", one_by_one)
    each = len(renders)
    renders.clear()
    CreateModels(_operations()).state_forwards("library", at_once)

    assert set(at_once.models) == set(one_by_one.models)
    for key, model_state in one_by_one.models.items():
        assert at_once.models[key].fields.keys() == model_state.fields.keys()
        assert at_once.models[key].options == model_state.options
    book = at_once.apps.get_model("library", "Book")
    assert book._meta.get_field("shelf").related_model is at_once.apps.get_model("library", "Shelf")
    assert sorted(renders) == ["Book", "Shelf"]  # once each
    assert each > len(renders)


def test_a_state_not_rendered_stays_so() -> None:
    state = ProjectState()
    CreateModels(_operations()).state_forwards("library", state)
    assert "apps" not in state.__dict__
    assert set(state.models) == {("library", "shelf"), ("library", "book")}


def test_it_serializes_for_the_writer() -> None:
    name, args, kwargs = CreateModels(_operations()).deconstruct()
    assert (name, args) == ("CreateModels", [])
    assert [operation.name for operation in kwargs["operations"]] == ["Shelf", "Book"]


def test_each_squash_replaces_its_apps_migrations_from_the_first_or_after_the_last_kept() -> None:
    """A squash stands for a run of its app's migrations that nothing else replaces, and the
    graph a new database follows has no replaced migration left."""
    loader = MigrationLoader(None, ignore_no_migrations=True, replace_migrations=False)
    replaced: dict[tuple[str, str], tuple[str, str]] = {}
    for key, migration in loader.disk_migrations.items():
        for old in migration.replaces or ():
            assert old not in replaced, f"{old} replaced twice"
            assert old[0] == key[0]
            assert old in loader.disk_migrations, f"{old} is kept for databases that applied it"
            replaced[old] = key
    assert replaced, "the squashed migrations are gone"
    graph = MigrationLoader(None, ignore_no_migrations=True).graph
    assert not set(replaced) & set(graph.nodes)


@pytest.mark.parametrize("vendor", ["postgresql", "sqlite"])
def test_sql_for_postgresql_runs_there_only(vendor: str) -> None:
    ran: list[tuple[str, Any]] = []
    editor = SimpleNamespace(
        connection=SimpleNamespace(vendor=vendor, alias="default"),
        execute=lambda sql, params=None: ran.append((sql, params)),
    )
    create = "CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION '%'; END; $$"
    operation = RunSQLOnPostgreSQL(sql=[create], reverse_sql=["DROP FUNCTION f()"])
    state = ProjectState()
    operation.database_forwards("core", editor, state, state)  # type: ignore[arg-type]
    operation.database_backwards("core", editor, state, state)  # type: ignore[arg-type]
    expected = [(create, None), ("DROP FUNCTION f()", None)]
    assert ran == (expected if vendor == "postgresql" else [])  # sent whole, no parameters
