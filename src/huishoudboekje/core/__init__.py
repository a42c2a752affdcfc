"""Pure, Django-free domain logic."""
