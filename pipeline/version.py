"""Version of the extraction logic, recorded in every output for resume and citation."""

PIPELINE_VERSION = "0.3.0"
