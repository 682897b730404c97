// Writing an ONNX model from code (onnx-proto): the constant tensors, the typed inputs and outputs
// and the model record around a graph, as the BERT encoder (bert-onnx.ts) and the nearest labelled
// items' product (classify/head/neighbour-scan.ts) both write them. Opset 17, IR version 8.

import onnxProto from 'onnx-proto';

export const { onnx } = onnxProto;
export type NodeProto = InstanceType<typeof onnx.NodeProto>;
export type TensorProto = InstanceType<typeof onnx.TensorProto>;

const OPSET = 17;
const IR_VERSION = 8;

/** A constant tensor holding `data`'s bytes as they are. */
export function tensorProto(name: string, dataType: number, dims: number[], data: ArrayBufferView): TensorProto {
  return onnx.TensorProto.create({ name, dataType, dims, rawData: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) });
}

/** A graph input or output: its element type and shape, a string naming a dimension given at run time. */
export function valueInfo(name: string, elemType: number, dims: (string | number)[]) {
  const dim = (d: string | number) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d });
  return onnx.ValueInfoProto.create({ name, type: { tensorType: { elemType, shape: { dim: dims.map(dim) } } } });
}

/** The model around a graph, encoded. */
export function encodeModel(
  producer: string,
  graph: {
    name: string;
    node: NodeProto[];
    initializer: TensorProto[];
    input: ReturnType<typeof valueInfo>[];
    output: ReturnType<typeof valueInfo>[];
  },
): Uint8Array {
  const model = onnx.ModelProto.create({
    irVersion: IR_VERSION,
    producerName: producer,
    producerVersion: '1',
    opsetImport: [{ domain: '', version: OPSET }],
    graph,
  });
  return onnx.ModelProto.encode(model).finish();
}
