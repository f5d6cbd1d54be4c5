"""Capaian: the engine over the stored values, the summaries read off it, budget absorption."""
