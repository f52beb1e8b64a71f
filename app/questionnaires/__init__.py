"""Questionnaires of every phase: definitions, takes, forms, results and pages.

- ``definitions``: every definition, loaded and validated when the app starts;
- ``takes``: takes and answers (start, save section by section, complete);
- ``forms``: a section's form, built from its definition;
- ``results``: a take's scores, two takes compared, the maturity profile;
- ``registry``: which questionnaires the generic pages serve, for which phase
  (each phase registers its own from its own package);
- ``views``: the page steps every questionnaire shares (preparation's too);
- ``routes``: the generic pages (blueprint ``questionnaires``).

Nothing here imports a phase: the phases build on this package.
"""
