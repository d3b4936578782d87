"""On PostgreSQL, the log of simulation runs refuses UPDATE, DELETE and TRUNCATE at the database
level, for the role that owns it too (``sentier.core.append_only``)."""

from django.db import migrations

from sentier.core.append_only import refuse_changes


class Migration(migrations.Migration):
    dependencies = [("simulations", "0001_saved_simulations_and_runs")]
    operations = [refuse_changes("simulations_simulationrun")]
