"""Participants (deelnemers/burgers), their participation (deelname) and households."""
