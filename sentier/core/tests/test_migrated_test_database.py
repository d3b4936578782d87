"""The test databases are copies of one migrated once per run (the root ``conftest.py``): the
copy's name must change with any migration, so that no copy of other migrations is ever used."""

from __future__ import annotations

from pathlib import Path

from conftest import _migration_files, migrations_key


def _files(folder: Path, contents: dict[str, str]) -> list[tuple[str, str, Path]]:
    files = []
    for name, text in contents.items():
        path = folder / f"{name}.py"
        path.write_text(text)
        files.append(("audit", name, path))
    return files


def test_the_key_changes_with_a_migrations_text_its_name_or_a_new_migration(
    tmp_path: Path,
) -> None:
    first = _files(tmp_path, {"0001_initial": "a", "0002_trigger": "b"})
    key = migrations_key(first)
    assert migrations_key(list(reversed(first))) == key  # whatever order they are found in
    (tmp_path / "0002_trigger.py").write_text("b, changed")
    assert migrations_key(first) != key
    (tmp_path / "0002_trigger.py").write_text("b")
    assert migrations_key(first) == key
    renamed = [("audit", "0002_other", tmp_path / "0002_trigger.py"), first[0]]
    assert migrations_key(renamed) != key
    more = [*first, *_files(tmp_path, {"0003_more": ""})]
    assert migrations_key(more) != key


def test_every_migration_of_the_project_and_its_libraries_is_in_the_key() -> None:
    names = {(app_label, name) for app_label, name, _ in _migration_files()}
    assert ("audit", "0002_append_only_trigger") in names  # its trigger is made outside models
    assert ("serviceplans", "0002_situations") in names
    assert ("auth", "0001_initial") in names
    assert ("contenttypes", "0001_initial") in names
    assert all(path.is_file() for _, _, path in _migration_files())
