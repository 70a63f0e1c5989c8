"""The law as data: the requirement catalogue, the rule pack and its facts' provenance."""
