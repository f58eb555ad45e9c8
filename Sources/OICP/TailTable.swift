/// Records' tails (the members `TailMemo.Key` stands for) met lately, each with what was made of
/// it: its JSON for the encoder, its being clean for the validator. The EVSEs of one station
/// repeat their tail, and the stations of a network share a few combinations of payment, access,
/// hotline and hours, which the mapping gives in the same storage each time (remembered per
/// text); so a tail is mostly one met a few stations before. The record a tail came from is kept
/// (one copy costs less than its tail's fields set one by one). See `SlotTable`.
typealias TailTable<Result: Sendable> = SlotTable<TailMemo.Key, EvseDataRecord, Result>
