/**
 * The platform's side of screening on a cluster (docs/spark.md): a region's screening inputs written as the Parquet
 * layout the Spark job reads ({@code ./bulwark export-parquet}), and the job's hits read back into warnings
 * ({@code ./bulwark import-hits}). Tools, not the platform: Parquet brings a part of Hadoop, which stays out of the
 * platform's jar.
 */
package org.bulwark.cluster;
