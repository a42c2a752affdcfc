"""Bank files: the data model of a parsed bank statement, the streaming readers for
camt.053 and MT940 (Dutch bank dialects), format detection and the writers used by the
demo generator. Pure Python, no Django."""
