// The classifier's weights as shipped in model-data.ts, apart from model.ts (which reads them) so the
// generated data file imports no module that imports it.
export interface EncodedSniffModel {
  bits: number;
  scale: number;
  threshold: number;
  weights: string;
}
