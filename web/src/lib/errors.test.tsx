import { act, render, screen } from '@testing-library/react';
import { Form, Input, type FormInstance } from 'antd';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client';
import { applyFieldErrors, errorMessage, pathToNamePath } from './errors';

describe('errors', () => {
  it('words codes from the shared catalog, with params from the matching detail', () => {
    const locked = new ApiError(423, 'AUTH_ACCOUNT_LOCKED', 'locked', [{ path: 'username', code: 'AUTH_ACCOUNT_LOCKED', params: { minutes: 15 } }]);
    expect(errorMessage(locked)).toBe('连续登录失败次数过多，账号已锁定，请15分钟后再试或联系安全管理员');
    expect(errorMessage(new ApiError(409, 'HOUSEHOLD_VERSION_CONFLICT', ''))).toBe('家庭信息已被他人修改，请刷新页面后再改');
    expect(errorMessage(new ApiError(409, 'SOMETHING_NEW', ''))).toBe('数据已被他人修改，请刷新后重试');
    expect(errorMessage(new Error('boom'))).toBe('系统内部错误，请稍后再试或联系管理员');
  });

  it.each([
    ['members.1.idNumber', ['members', 1, 'idNumber']],
    ['members[2].idNumber', ['members', 2, 'idNumber']],
    ['/head/idNumber', ['head', 'idNumber']],
    ['address', ['address']],
  ])('reads the path %s as a form name path', (path, name) => {
    expect(pathToNamePath(path)).toEqual(name);
  });

  it('puts VALIDATION_FAILED details on the matching antd form fields', async () => {
    let form: FormInstance | undefined;
    function Harness() {
      const [f] = Form.useForm();
      form = f;
      return (
        <Form form={f} initialValues={{ head: { idNumber: '' }, members: [{ idNumber: '' }, { idNumber: '' }] }}>
          <Form.Item label="户主身份证号" name={['head', 'idNumber']}>
            <Input />
          </Form.Item>
          <Form.Item label="成员2身份证号" name={['members', 1, 'idNumber']}>
            <Input />
          </Form.Item>
        </Form>
      );
    }
    render(<Harness />);
    const err = new ApiError(400, 'VALIDATION_FAILED', 'bad', [
      { path: 'head.idNumber', code: 'FIELD_REQUIRED', params: { field: 'head.idNumber' } },
      { path: 'members.1.idNumber', code: 'ID_NUMBER_CHECK', params: { expected: 'X' } },
      { path: '', code: 'HOUSEHOLD_NO_TAKEN' },
    ]);
    let result: ReturnType<typeof applyFieldErrors> | undefined;
    act(() => {
      result = applyFieldErrors(form!, err);
    });
    expect(result!.mapped).toBe(2);
    expect(result!.unmapped).toEqual(['户编号已被使用']);
    expect(await screen.findByText('身份证号不能为空')).toBeTruthy();
    expect(await screen.findByText('身份证号校验位不正确（按前17位计算，最后一位应为X），请核对号码是否录错')).toBeTruthy();
    expect(form!.getFieldError(['members', 1, 'idNumber'])).toHaveLength(1);
  });
});
