"""Rules on cross-document consistency (XD codes): one fact, one answer, in every document.

Each rule compares one fact of requirements §8 across the model documentation, the public
summary of training content and the copyright policy. Names are compared folded (case,
spaces and punctuation ignored), so `Lumen AI B.V.` and `Lumen AI BV` agree.

The modules are imported in code order: the registration order is the order of the rule
reference's table and of SARIF's rule list.
"""

# isort: off
from gpai_docs.validate.rules.consistency import (  # noqa: F401  (imported to register their rules)
    general_information,
    data_provenance,
    copyright_policy_and_provider,
    policy_statements,
    crawler_user_agents,
)
