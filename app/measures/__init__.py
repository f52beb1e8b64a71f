"""The balanced scorecard's measures, below the phases: planning sets a goal's
measures, implementation tracks them, design's analyses feed the computed
ones, and all of them save through ``app.measures.services``."""
