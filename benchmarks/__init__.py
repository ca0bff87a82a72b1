"""Speed benchmarks of the ivp pipeline: `python -m benchmarks.run` (or `make bench`)."""
