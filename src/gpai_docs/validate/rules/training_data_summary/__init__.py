"""Rules on the public summary of training content (TS codes): the template's demands.

One module for each section of the template the rules check. They are imported in code
order: the registration order is the order of the rule reference's table and of SARIF's
rule list.
"""

# isort: off
from gpai_docs.validate.rules.training_data_summary import (  # noqa: F401  (imported to register their rules)
    modality_sizes,
    data_source_answers,
    crawled_data,
    public_datasets,
    synthetic_data,
    versions_and_updates,
    names,
    synthetic_generators,
    template_text,
    languages_named,
    date_consistency,
    weak_answers,
    kept_answers,
)
