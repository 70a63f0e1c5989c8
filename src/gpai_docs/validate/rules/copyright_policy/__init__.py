"""Rules on the copyright policy (CP codes): the substance behind the Copyright chapter's sections.

The schema makes every section of Measures 1.1 to 1.5 present; these rules check that what
is written there honours the measure. One module for each measure (1.2 and 1.4 share one);
they are imported in code order: the registration order is the order of the rule
reference's table and of SARIF's rule list.
"""

# isort: off
from gpai_docs.validate.rules.copyright_policy import (  # noqa: F401  (imported to register their rules)
    crawling_and_opt_outs,
    lawful_access_and_outputs,
    contact_and_complaints,
    policy_commitments,
    contact_mailboxes,
    written_commitments,
)
