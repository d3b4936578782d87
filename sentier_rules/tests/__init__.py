"""Tests of the rules package (no Django): YAML cases, the decide contract, the CLI, the batch."""
