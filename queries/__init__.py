"""SQL of Kinerja by stage (ingest/, engine/, collect/, reports/, web/, store/), shipped as package data; see kinerja.store.queries."""
