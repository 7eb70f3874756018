"""Reading a room: the data functions every interface (CLI, export, web) shares."""
