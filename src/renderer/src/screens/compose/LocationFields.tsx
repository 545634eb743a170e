import { Field } from '../../components'
import type { MessageForm } from './message-form'

interface LocationFieldsProps {
  form: MessageForm
  onChange: (patch: Partial<MessageForm>) => void
  problems: Record<string, string>
}

/** A pin: coordinates, and optionally the place's name and address. */
export function LocationFields({ form, onChange, problems }: LocationFieldsProps) {
  return (
    <>
      <Field label="Latitude" error={problems.latitude} hint="Decimal degrees, -90 to 90 (e.g. 52.520008)">
        {(id, describedBy) => (
          <input id={id} className="input input--mono" inputMode="decimal" value={form.latitude} aria-describedby={describedBy} onChange={(event) => onChange({ latitude: event.target.value })} />
        )}
      </Field>
      <Field label="Longitude" error={problems.longitude} hint="Decimal degrees, -180 to 180 (e.g. 13.404954)">
        {(id, describedBy) => (
          <input id={id} className="input input--mono" inputMode="decimal" value={form.longitude} aria-describedby={describedBy} onChange={(event) => onChange({ longitude: event.target.value })} />
        )}
      </Field>
      <Field label="Place name" error={problems.placeName}>
        {(id, describedBy) => <input id={id} className="input" value={form.placeName} aria-describedby={describedBy} onChange={(event) => onChange({ placeName: event.target.value })} />}
      </Field>
      <Field label="Address" error={problems.address}>
        {(id, describedBy) => <input id={id} className="input" value={form.address} aria-describedby={describedBy} onChange={(event) => onChange({ address: event.target.value })} />}
      </Field>
    </>
  )
}
