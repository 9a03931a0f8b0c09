package io.riskgate.declaration;

/** Mode of transport at the border (UN/ECE Recommendation 19, as VNACCS and ASYCUDA code it). */
public enum TransportMode {
  SEA,
  RAIL,
  ROAD,
  AIR,
  POST,
  FIXED_INSTALLATION,
  INLAND_WATERWAY,
  MULTIMODAL
}
