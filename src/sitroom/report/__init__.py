"""The self-contained HTML report: one offline file with the timeline, the network and the evidence."""

from sitroom.report.html import render

__all__ = ["render"]
