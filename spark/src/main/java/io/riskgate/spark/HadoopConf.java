package io.riskgate.spark;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import org.apache.hadoop.conf.Configuration;

/**
 * The driver's Hadoop configuration, for the tasks that open input files: it carries the file
 * systems' settings and credentials ({@code spark.hadoop.*}), and Hadoop's {@link Configuration}
 * is not {@link Serializable} but writes itself.
 */
final class HadoopConf implements Serializable {
  private static final long serialVersionUID = 1L;

  private transient Configuration conf;

  HadoopConf(Configuration conf) {
    this.conf = conf;
  }

  Configuration get() {
    return conf;
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    out.defaultWriteObject();
    conf.write(out);
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    conf = new Configuration(false);
    conf.readFields(in);
  }
}
