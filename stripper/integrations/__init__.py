"""Adapters for engines that already run the pipeline: datatrove, Spark, Dask, Ray, Beam.

They only call the pure core (strip_text) and never re-implement it.
"""
