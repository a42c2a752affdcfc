"""Huishoudboekje: the municipal service that manages the money of participants."""
