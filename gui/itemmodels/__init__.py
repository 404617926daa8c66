"""Qt item models over windows of rows fetched from the services."""
