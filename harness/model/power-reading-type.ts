// PowerReadingType: whether a GPU power reading is instantaneous, nvidia-smi's trailing 1-s average, or not known.

export type PowerReadingType = 'instant' | '1s-average' | 'unknown';
