"""Reconcile: link every source id to one canonical model and pick one value per fact."""
