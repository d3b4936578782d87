"""The caseload's filters and name search at 1,000,000 files (docs/benchmarks.md, "Pages' CPU
and SQL, session 16, list19"):

- the region's files by status, then program: the caseload filtered on status and program
  counts its first 1,001 files from this index alone, where the (region, status) index was
  intersected with the program's 550,000 files (34 ms a count);
- the name trigram indexes without GIN's pending list (``fastupdate``): new files were added to
  an unsorted list that every search read whole before the index (16,186 entries, 264 pages,
  13 to 26 ms of a search for no match), until the list filled to 4 MB. A file is now added
  to the index at once: a little more work when a file is opened, none when one is searched.
  The list already there is moved into the index. PostgreSQL only, as the indexes.
"""

from django.db import migrations, models

from sentier.core.migration_operations import RunSQLOnPostgreSQL

_TRIGRAM_INDEXES = ("participant_last_name_trgm", "participant_first_name_trgm")


class Migration(migrations.Migration):
    dependencies = [
        ("participants", "0011_languages_on_the_file"),
        ("reference", "0001_squashed_0005_program_assistance"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="participant",
            name="participant_region__514e28_idx",
        ),
        migrations.AddIndex(
            model_name="participant",
            index=models.Index(
                fields=["region", "status", "program"], name="participant_region_status_idx"
            ),
        ),
        RunSQLOnPostgreSQL(
            sql=[
                *(f"ALTER INDEX {index} SET (fastupdate = off)" for index in _TRIGRAM_INDEXES),
                *(
                    f"SELECT gin_clean_pending_list('{index}'::regclass)"
                    for index in _TRIGRAM_INDEXES
                ),
            ],
            reverse_sql=[f"ALTER INDEX {index} RESET (fastupdate)" for index in _TRIGRAM_INDEXES],
        ),
    ]
