"""What-if simulations: a rule change tried as an OpenFisca reform over the open files, shown as
protected aggregates, saved with frozen results and exported as the YAML lines of the change."""
