"""Where the per-document stages run: in this process (the default) or on a Ray cluster."""
