"""Rules on the model documentation (MD codes): the Form's precision and consistency demands.

One module for each part of the Form the rules check. They are imported in code order: the
registration order is the order of the rule reference's table and of SARIF's rule list.
"""

# isort: off
from gpai_docs.validate.rules.model_documentation import (  # noqa: F401  (imported to register their rules)
    release_and_deadline,
    parameter_count,
    training_compute,
    scope_and_systemic_risk,
    exemption_and_representative,
    energy_and_inference,
    modalities_and_use_policy,
    transparency_measures_and_fines,
    model_name_named,
)
