"""OpenFisca-format YAML tests (collected by conftest.py with openfisca-core's runner)."""
