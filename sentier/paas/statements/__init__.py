"""PAAS Action money: expense claims and monthly statements (actions and guarded reads).

Claims: the organization's staff (or a caseworker of the participant's region) submit a transport
or childcare cost with its receipt; the participant's caseworker approves it or rejects it with a
reason. Only approved claims are paid.

Statements, one per organization and month: a line per participant's support allowance, per
approved claim, and one for the organization's payment, computed set-based with the vectorised
rules of :mod:`sentier_rules.paas_statement`. Workflow draft → approved → exported. Generating a
month again changes nothing unless the facts changed (a draft then gets the new lines; an approved
or exported statement is never edited). Whatever changed for a month whose statement was approved
(an end date corrected, a claim approved late) becomes an adjustment line on the next statement
generated, pointing to the line it corrects (``adjusts``) and to the month (``for_month``): the
difference between what the rules give now for that month and what approved statements paid.

Every write checks the permission first (:mod:`.permissions`), changes the rows in one
transaction, and leaves a trace in the rows' change history (``simple_history``).

The package, by role: :mod:`.actions` (every write), :mod:`.computation` (what the rules give
for a month: lines, adjustments, totals), :mod:`.selectors` (guarded reads), :mod:`.exports`
(CSV and PDF), :mod:`.permissions` (who may do what, and the queryset twins), and the pages'
:mod:`.forms`, :mod:`.views` and :mod:`.urls`.
"""
