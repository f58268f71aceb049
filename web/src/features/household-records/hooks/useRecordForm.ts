import type { UseMutationResult } from '@tanstack/react-query';
import { App, Form, type FormInstance } from 'antd';
import { useState } from 'react';
import { applyFieldErrors, errorMessage } from '../../../lib/errors';

/** What a record form's values make: the request body, or the one field that cannot be sent and why. */
export type RecordBody<B> = { ok: true; value: B } | { ok: false; field: string; message: string };

export interface RecordForm<V> {
  form: FormInstance<V>;
  open: boolean;
  show: () => void;
  hide: () => void;
  submit: (values: V) => void;
  isPending: boolean;
}

/**
 * The add dialog of a household record list (收入, 财产, 刚性支出): open state, the form,
 * and a submit that sends the body, then closes with `successMessage`, or puts the
 * server's violations on their fields (paths renamed by `fieldPaths`, e.g. amountFen →
 * amountYuan) and shows the error.
 */
export function useRecordForm<V, B>({
  add,
  toBody,
  successMessage,
  fieldPaths = {},
}: {
  add: UseMutationResult<unknown, Error, B>;
  toBody: (values: V) => RecordBody<B>;
  successMessage: string;
  fieldPaths?: Record<string, string>;
}): RecordForm<V> {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<V>();
  const { message } = App.useApp();

  const submit = (values: V) => {
    const body = toBody(values);
    if (!body.ok) {
      (form as FormInstance).setFields([{ name: body.field, errors: [body.message] }]);
      return;
    }
    add.mutate(body.value, {
      onSuccess: () => {
        void message.success(successMessage);
        form.resetFields();
        setOpen(false);
      },
      onError: (e) => {
        applyFieldErrors(form, e, { mapPath: (p) => [fieldPaths[String(p[0])] ?? String(p[0])] });
        void message.error(errorMessage(e));
      },
    });
  };

  return { form, open, show: () => setOpen(true), hide: () => setOpen(false), submit, isPending: add.isPending };
}
