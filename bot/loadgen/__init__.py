"""A load generator for a running assistant: many concurrent conversations in mixed
languages through the REST channel, every reply checked, bounded in count and time and
limited to loopback addresses. `python -m bot.loadgen --help`."""
