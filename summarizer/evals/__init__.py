"""Evaluation: gold answers -> scorer -> report. The scorer is pure functions over records."""
