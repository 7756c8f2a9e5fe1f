"""Abuse controls for the anonymous forms: client network, rate limits, proof of work, honeypot."""
