"""What the AI Act infers from the documents: scope, systemic risk, exemptions and dates.

One module per topic, in the order of the Act, each holding its predicates (which the
rules use too) and the determinations that state them with their legal basis:
scope_and_systemic_risk, modification, exemptions_and_representative, deadlines, fines,
then law_applied (the SME reading, enforcement, the law applied). wording holds the
Determination record and the number wording; report_order composes the report.
Every threshold comes from the rule pack.
"""

from gpai_docs.validate.determinations.report_order import determine
from gpai_docs.validate.determinations.wording import Determination

__all__ = ["Determination", "determine"]
