"""Organisations (ketenpartners) that pay incomes or receive fixed costs, with their
departments, postal addresses and bank accounts."""
