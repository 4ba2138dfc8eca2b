"""`make bench`: our timings beside the bare floor of each step, measured in the same run."""
