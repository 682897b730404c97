// The one error for "this model cannot be used": it says how to get the model, and under
// `--engine transformers` ends the run with exit code 4 (`auto` falls back to lexical instead).

import { CliError, ExitCode } from '../errors.js';
import { DEFAULT_MODEL, isLocalModelPath } from './catalog.js';

/** The model could not be loaded; under `--engine transformers` this ends the run with exit code 4. */
export class ModelUnavailableError extends CliError {
  /** The underlying cause in one short line. */
  readonly reason: string;
  readonly model: string;
  constructor(model: string, reason: string, options?: { cause?: unknown }) {
    super(modelUnavailableMessage(model, reason), ExitCode.modelUnavailable, options);
    this.name = 'ModelUnavailableError';
    this.model = model;
    this.reason = reason;
  }
}

function modelUnavailableMessage(model: string, reason: string): string {
  const hubId = isLocalModelPath(model) ? DEFAULT_MODEL : model;
  return (
    `Model "${model}" is not available. Get it with \`feedback-themes model pull ${hubId}\` on a machine with ` +
    'internet access (it downloads into the model cache dir, see FEEDBACK_THEMES_CACHE), or pass ' +
    '`--model /path/to/folder` with config.json, tokenizer.json, tokenizer_config.json and the weights ' +
    '(onnx/model.onnx for fp32, onnx/model_quantized.onnx for q8; `feedback-themes model import` writes both), ' +
    'or use `--engine lexical`.\n' +
    `Reason: ${reason}`
  );
}
