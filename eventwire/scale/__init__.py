"""Scaling out: worker processes on one machine (`workers`) and the Spark job (`spark`, needs ``eventwire[spark]``)."""
