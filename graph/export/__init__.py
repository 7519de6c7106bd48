"""Stage 6, export: Turtle and interactive HTML views."""
