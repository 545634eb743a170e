/** H.264 reads bits most significant first, and codes most header numbers as Exp-Golomb. */
class BitWriter {
  private readonly bytes: number[] = []
  private current = 0
  private used = 0

  bits(value: number, count: number): this {
    for (let bit = count - 1; bit >= 0; bit--) {
      this.current = (this.current << 1) | ((value >>> bit) & 1)
      if (++this.used === 8) {
        this.bytes.push(this.current)
        this.current = 0
        this.used = 0
      }
    }
    return this
  }

  /** ue(v): unsigned Exp-Golomb. */
  ue(value: number): this {
    const code = value + 1
    const length = Math.floor(Math.log2(code))
    return this.bits(0, length).bits(code, length + 1)
  }

  /** se(v): signed Exp-Golomb. */
  se(value: number): this {
    return this.ue(value <= 0 ? -2 * value : 2 * value - 1)
  }

  /** Zero bits up to the next byte boundary. */
  align(): this {
    return this.used === 0 ? this : this.bits(0, 8 - this.used)
  }

  /** rbsp_trailing_bits: a stop bit, then zeros to the byte boundary. */
  trailing(): Buffer {
    this.bits(1, 1).align()
    return Buffer.from(this.bytes)
  }
}

/** Inside a NAL unit, 00 00 followed by 00–03 would look like a start code: an 03 byte is put between. */
function escape(rbsp: Buffer): Buffer {
  const out: number[] = []
  let zeros = 0
  for (const byte of rbsp) {
    if (zeros >= 2 && byte <= 3) {
      out.push(3)
      zeros = 0
    }
    out.push(byte)
    zeros = byte === 0 ? zeros + 1 : 0
  }
  return Buffer.from(out)
}

function nal(header: number, rbsp: Buffer): Buffer {
  return Buffer.concat([Buffer.from([header]), escape(rbsp)])
}

export const PROFILE_BASELINE = 66
export const CONSTRAINED_BASELINE_FLAGS = 0xc0
export const LEVEL_1 = 10

/** Sequence parameter set: constrained baseline, 4:2:0, frames only, `widthMbs`×`heightMbs` macroblocks. */
export function sequenceParameterSet(widthMbs: number, heightMbs: number): Buffer {
  const bits = new BitWriter()
    .bits(PROFILE_BASELINE, 8)
    .bits(CONSTRAINED_BASELINE_FLAGS, 8)
    .bits(LEVEL_1, 8)
    .ue(0) // seq_parameter_set_id
    .ue(0) // log2_max_frame_num_minus4
    .ue(2) // pic_order_cnt_type 2: output order is decoding order
    .ue(1) // max_num_ref_frames
    .bits(0, 1) // gaps_in_frame_num_value_allowed_flag
    .ue(widthMbs - 1)
    .ue(heightMbs - 1)
    .bits(1, 1) // frame_mbs_only_flag
    .bits(1, 1) // direct_8x8_inference_flag
    .bits(0, 1) // frame_cropping_flag
    .bits(0, 1) // vui_parameters_present_flag
  return nal(0x67, bits.trailing())
}

/** Picture parameter set: CAVLC, one slice group, no deblocking controls. */
export function pictureParameterSet(): Buffer {
  const bits = new BitWriter()
    .ue(0) // pic_parameter_set_id
    .ue(0) // seq_parameter_set_id
    .bits(0, 1) // entropy_coding_mode_flag: CAVLC
    .bits(0, 1) // bottom_field_pic_order_in_frame_present_flag
    .ue(0) // num_slice_groups_minus1
    .ue(0) // num_ref_idx_l0_default_active_minus1
    .ue(0) // num_ref_idx_l1_default_active_minus1
    .bits(0, 1) // weighted_pred_flag
    .bits(0, 2) // weighted_bipred_idc
    .se(0) // pic_init_qp_minus26
    .se(0) // pic_init_qs_minus26
    .se(0) // chroma_qp_index_offset
    .bits(0, 1) // deblocking_filter_control_present_flag
    .bits(0, 1) // constrained_intra_pred_flag
    .bits(0, 1) // redundant_pic_cnt_present_flag
  return nal(0x68, bits.trailing())
}

const I_PCM = 25
/** One macroblock's samples: 16×16 luma, then 8×8 Cb and 8×8 Cr (4:2:0). */
export interface MacroblockColour {
  y: number
  cb: number
  cr: number
}

/**
 * An IDR picture of one slice whose macroblocks are all I_PCM: their samples are stored as they
 * are, so no transform or entropy coding of pixels is needed and any decoder shows them exactly.
 * Consecutive IDR pictures need different `idrPicId`s.
 */
export function pcmIdrSlice(macroblocks: MacroblockColour[], idrPicId: number): Buffer {
  const bits = new BitWriter()
    .ue(0) // first_mb_in_slice
    .ue(7) // slice_type: I (every slice of the picture)
    .ue(0) // pic_parameter_set_id
    .bits(0, 4) // frame_num (log2_max_frame_num = 4)
    .ue(idrPicId)
    .bits(0, 1) // no_output_of_prior_pics_flag
    .bits(0, 1) // long_term_reference_flag
    .se(0) // slice_qp_delta
  for (const colour of macroblocks) {
    bits.ue(I_PCM).align()
    for (let sample = 0; sample < 256; sample++) bits.bits(colour.y, 8)
    for (let sample = 0; sample < 64; sample++) bits.bits(colour.cb, 8)
    for (let sample = 0; sample < 64; sample++) bits.bits(colour.cr, 8)
  }
  return nal(0x65, bits.trailing())
}
